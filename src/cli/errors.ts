/** An error the CLI reports as one line on stderr, exiting with `exitCode` (2 = usage / missing input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
