/**
 * A place where the pages Astro renders hand work to the build's integrations: the integration
 * sets a sink when the build starts, and page code gives it what it makes. The two live in
 * different module graphs (the integration in Astro's process, the pages in the bundle it renders
 * with), so the sink is kept under a global symbol. Outside a build there is none.
 */
export function buildSink<Sink>(name: string): { set(sink: Sink | undefined): void; get(): Sink | undefined } {
  const key = Symbol.for(`daily-papers:${name}`);
  const slots = globalThis as typeof globalThis & Record<symbol, Sink | undefined>;
  return {
    set: (sink) => {
      slots[key] = sink;
    },
    get: () => slots[key],
  };
}
