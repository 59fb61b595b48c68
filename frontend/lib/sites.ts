/** "northeast.localhost:8000" and "northeast.localhost" name the same site when one has no port. */
export function sameSite(a: string, b: string): boolean {
  const [hostA, portA] = a.toLowerCase().split(":");
  const [hostB, portB] = b.toLowerCase().split(":");
  return hostA === hostB && (!portA || !portB || portA === portB);
}
