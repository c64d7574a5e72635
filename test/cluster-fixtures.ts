/** Made-up news texts for the clustering tests (the project's own writing; all names are fictional). */
import type { Article } from '../src/model.js';

export function article(id: string, text: string, extra: Partial<Article> = {}): Article {
  return {
    id,
    source: id,
    title: '',
    language: 'en',
    paragraphs: text.split(/\n\s*\n/),
    text,
    hash: id,
    ...extra,
  };
}

/** A wire report on a ferry fire in the fictional port of Vellmar. */
export const WIRE_FERRY = `VELLMAR (Northline Wire) - Fire broke out on the passenger ferry Aster Queen on Tuesday night as it crossed the Grell Strait, forcing the crew to evacuate 312 passengers onto lifeboats, the harbour authority said.

Coast guard vessels from Vellmar and Ostrand reached the ferry within forty minutes and towed the burning ship toward the outer harbour. Eleven people were treated for smoke inhalation and two crew members were taken to Vellmar General Hospital with burns.

Harbour master Ilse Kravec said the fire started in the engine room shortly after 9 p.m. and spread to the car deck before sprinklers contained it. "Every passenger is accounted for," Kravec told reporters at the quay.

The Aster Queen, operated by Grell Lines, has sailed the Vellmar-Ostrand route since 2009. The company said it had suspended all crossings until inspectors from the maritime safety board finished their checks.

Investigators will examine the engine maintenance records and interview the crew on Wednesday, the safety board said in a statement.`;

/** The same wire copy as republished by a regional site: its own header, lead, and footer. */
export const REPUBLISHED_FERRY = `Coastal Courier | Home > News > Region | Share this story | Subscribe for 1 euro a week

Passengers describe panic as smoke filled the Aster Queen

Families who spent Tuesday night in lifeboats on the Grell Strait say they are grateful to be alive after the ferry caught fire.

Coast guard vessels from Vellmar and Ostrand reached the ferry within forty minutes and towed the burning ship toward the outer harbour. Eleven people were treated for smoke inhalation and two crew members were taken to Vellmar General Hospital with burns.

Harbour master Ilse Kravec said the fire started in the engine room shortly after 9 p.m. and spread to the car deck before sprinklers contained it. "Every passenger is accounted for," Kravec told reporters at the quay.

The Aster Queen, operated by Grell Lines, has sailed the Vellmar-Ostrand route since 2009. The company said it had suspended all crossings until inspectors from the maritime safety board finished their checks.

Investigators will examine the engine maintenance records and interview the crew on Wednesday, the safety board said in a statement.

Copyright Coastal Courier. All rights reserved. Read more: Weather warning for the coast | Local elections: what you need to know | Leave a comment`;

/** A different report on the same ferry fire, written independently. */
export const OTHER_FERRY_REPORT = `Grell Lines halted every crossing between Vellmar and Ostrand on Wednesday, a day after an engine-room blaze on its ferry Aster Queen sent 312 passengers into lifeboats in the Grell Strait.

The company's chief executive, Bram Oduya, apologised to travellers and promised full refunds. He said the ship had passed a safety inspection in March.

Union officials said crews had complained for months about leaking fuel lines on the Aster Queen. The maritime safety board said it would look at those complaints as part of its inquiry into the fire.

Two crew members remained in Vellmar General Hospital, where doctors described their burns as serious but stable.`;

/** A different event of the same kind: a ferry fire two years later, elsewhere, other people. */
export const OTHER_FERRY_FIRE = `PORT SALIS (Northline Wire) - A fire on the car ferry Meridian Star forced 148 passengers to abandon ship off Cape Tolland on Saturday morning, the regional coast guard said.

The blaze began in a lorry parked on the lower deck and spread quickly in high winds. Fishing boats from Port Salis helped the coast guard pull passengers from the water, and four people were flown to Tolland Hospital by helicopter.

Captain Oren Maddox said the crew sealed the deck and flooded it with foam, but the fire burned for six hours. The Meridian Star, owned by Salis Ferries, was later towed to dry dock.

Salis Ferries said it was cooperating with the coast guard inquiry and that sailings to the Tolland islands would resume on Monday with a chartered vessel. The fire was the first on the route since it opened in 2014.`;

/** A second report on the Meridian Star fire. */
export const OTHER_FERRY_FIRE_2 = `Salis Ferries chartered a replacement vessel on Sunday after its Meridian Star burned for six hours off Cape Tolland, the company said.

Four passengers airlifted to Tolland Hospital were recovering, a hospital spokeswoman said. Coast guard officers at Port Salis said the fire appeared to have started in a lorry on the lower deck and that the lorry's owner would be questioned.

Captain Oren Maddox was praised by passengers for keeping order as 148 people left the Meridian Star in rough seas.`;

/** An unrelated story. */
export const BUDGET_VOTE = `The city council of Harlow Vale approved a budget of 84 million on Thursday after a six-hour debate, raising spending on bus routes and libraries while freezing property taxes for a third year.

Mayor Tomas Reinholt said the plan would add twelve bus lines by next summer. Opposition councillor Petra Lind voted against it, arguing the city was drawing too heavily on its reserves.

The budget takes effect in January.`;
