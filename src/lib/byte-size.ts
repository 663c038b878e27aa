// Imports nothing: fetch and ingest state their limits with it.

/** `64 MiB`, `512 KiB`, `1,000 bytes`: a size as an owner would write it. */
export function byteSize(bytes: number): string {
  for (const [unit, size] of [['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]] as const) if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** `13.5 MB`, `4.2 kB`, `310 bytes`: a size of output, in decimal units as the build's report gives it. */
export function decimalSize(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
}
