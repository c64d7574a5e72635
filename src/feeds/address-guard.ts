/**
 * Which addresses a fetch may connect to: public unicast ones only. A feed or a redirect must not be able to
 * make newsfuse probe this machine or its network, whatever spelling of an address it uses, so addresses that
 * carry an IPv4 address inside an IPv6 one (IPv4-mapped, NAT64, 6to4, Teredo) are judged by the IPv4 address
 * they lead to. Pure: no I/O, the fetcher calls it on every address it is about to connect to.
 */
import ipaddr from 'ipaddr.js';

/** `true` when a fetch may connect to `address`, else why not (a short phrase such as "loopback"). */
export type AddressVerdict = true | string;

/** Decides whether a fetch may connect to an address; `addressAllowed` is the one newsfuse uses. */
export type AddressPolicy = (address: string) => AddressVerdict;

/** Range names of ipaddr.js put in words for error messages; any other name is shown as it is. */
const RANGE_WORDS: Record<string, string> = {
  carrierGradeNat: 'carrier-grade NAT',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  deprecatedSiteLocal: 'site-local',
  rfc6052: 'local-use NAT64',
  unicast: 'outside global unicast',
};

const words = (range: string): string => RANGE_WORDS[range] ?? range;

function ipv4Verdict(address: ipaddr.IPv4): AddressVerdict {
  const range = address.range();
  return range === 'unicast' ? true : words(range);
}

/** The IPv4 address held in two 16-bit groups of an IPv6 address. */
function embeddedIPv4(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** An IPv6 address that leads to an IPv4 one is as allowed as that IPv4 address. */
function viaIPv4(kind: string, inner: ipaddr.IPv4): AddressVerdict {
  const verdict = ipv4Verdict(inner);
  return verdict === true ? true : `${kind} ${inner.toString()}: ${verdict}`;
}

const NAT64_WELL_KNOWN = ipaddr.IPv6.parse('64:ff9b::');
const GLOBAL_UNICAST = ipaddr.IPv6.parse('2000::');

function ipv6Verdict(address: ipaddr.IPv6): AddressVerdict {
  const p = address.parts;
  // ::/96 holds :: and ::1 and the deprecated IPv4-compatible form ::a.b.c.d (RFC 4291); ipaddr.js calls
  // the last one unicast, and no host that serves news has such an address.
  if (p.slice(0, 6).every((group) => group === 0)) {
    if (p[6] === 0 && p[7] === 0) return 'unspecified';
    if (p[6] === 0 && p[7] === 1) return 'loopback';
    return `IPv4-compatible ${embeddedIPv4(p[6], p[7]).toString()} (deprecated)`;
  }
  const range = address.range();
  switch (range) {
    case 'ipv4Mapped':
      return viaIPv4('IPv4-mapped', embeddedIPv4(p[6], p[7]));
    case 'rfc6145':
      return viaIPv4('IPv4-translated', embeddedIPv4(p[6], p[7]));
    case 'rfc6052':
      // The well-known NAT64 prefix is how IPv6-only networks reach IPv4 hosts, so a public IPv4 address
      // behind it is fine; the local-use prefix 64:ff9b:1::/48 stays inside the operator's network.
      return address.match(NAT64_WELL_KNOWN, 96) ? viaIPv4('NAT64', embeddedIPv4(p[6], p[7])) : words(range);
    case '6to4':
      return viaIPv4('6to4', embeddedIPv4(p[1], p[2]));
    case 'teredo': {
      // Teredo (RFC 4380) carries the server's IPv4 address as is and the client's with every bit flipped.
      const server = viaIPv4('Teredo server', embeddedIPv4(p[2], p[3]));
      return server === true ? viaIPv4('Teredo client', embeddedIPv4(p[6] ^ 0xffff, p[7] ^ 0xffff)) : server;
    }
    case 'unicast':
      return address.match(GLOBAL_UNICAST, 3) ? true : words(range);
    default:
      return words(range);
  }
}

/**
 * An IPv6 address whose last 32 bits are written as a dotted quad, with those bits in hex. ipaddr.js reads
 * "::a.b.c.d" as IPv4-mapped (::ffff:a.b.c.d), but it is the IPv4-compatible form, and Node prints
 * addresses of that form that way; the hex spelling is read as it is meant.
 */
function hexTail(address: string): string {
  const match = /^(.*:)(\d+\.\d+\.\d+\.\d+)(%.*)?$/.exec(address);
  if (!match || !ipaddr.IPv4.isValidFourPartDecimal(match[2])) return address;
  const [a, b, c, d] = ipaddr.IPv4.parse(match[2]).octets;
  return `${match[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}${match[3] ?? ''}`;
}

/**
 * Whether a fetch may connect to `address` (an IPv4 or IPv6 address as the URL parser or the resolver gives
 * it). Anything that is not a public unicast address is refused: loopback, private, link-local,
 * unique-local, carrier-grade NAT, multicast, broadcast, reserved, documentation, benchmarking and
 * unspecified ranges (0.0.0.0/8 included), and IPv6 forms that wrap one of those in an IPv4 address.
 */
export function addressAllowed(address: string): AddressVerdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(hexTail(address));
  } catch {
    return 'not an IP address';
  }
  return parsed.kind() === 'ipv4' ? ipv4Verdict(parsed as ipaddr.IPv4) : ipv6Verdict(parsed as ipaddr.IPv6);
}

/** Addresses that belong to this machine or its network (or to no one): all that `addressAllowed` refuses. */
export function isPrivateAddress(address: string): boolean {
  return addressAllowed(address) !== true;
}
