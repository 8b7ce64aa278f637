/** The service's "now" for `executionTime`: the clock, or a fixed date (the shipped data's snapshot). */
export class Clock {
  constructor(private readonly fixed?: Date) {}

  now(): Date {
    return this.fixed ?? new Date();
  }
}
