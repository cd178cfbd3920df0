// The simulator's own clock, for resources whose state moves with time (batch and
// fine-tuning jobs). It runs `scale` times faster than the wall clock and can be
// pushed forward, so a test sees a job go from QUEUED to SUCCESS without waiting.
export class SimClock {
  private scale = 1
  private baseWall = Date.now()
  private baseSim = Date.now()

  /** Simulated milliseconds since the epoch. */
  nowMs(): number {
    return this.baseSim + (Date.now() - this.baseWall) * this.scale
  }

  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000)
  }

  /** From now on, one wall-clock second is `scale` simulated seconds. */
  setScale(scale: number): void {
    this.rebase()
    this.scale = scale
  }

  advance(seconds: number): void {
    this.rebase()
    this.baseSim += seconds * 1000
  }

  reset(scale = 1): void {
    this.scale = scale
    this.baseWall = Date.now()
    this.baseSim = this.baseWall
  }

  private rebase(): void {
    this.baseSim = this.nowMs()
    this.baseWall = Date.now()
  }
}
