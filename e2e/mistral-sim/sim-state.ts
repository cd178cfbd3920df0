// Per-simulator state of the resources routes create (jobs, fine-tuned models). Each
// resource gets its own slot by name; reset() empties every slot, so tests start clean
// and two simulators in one process never share a job.
export class SimState {
  private readonly slots = new Map<string, unknown>()

  /** The slot `name`, created by `init` on first use. */
  slot<T>(name: string, init: () => T): T {
    if (!this.slots.has(name)) this.slots.set(name, init())
    return this.slots.get(name) as T
  }

  clear(): void {
    this.slots.clear()
  }
}
