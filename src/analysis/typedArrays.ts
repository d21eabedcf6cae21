// Reused typed-array buffers that grow as a document needs (the engine's scratch arrays hold numbers only,
// so no text stays alive through them).

/** A copy of `array` in a new array of `length` entries (twice its size by default), the rest zero. */
export function grownInt32(array: Int32Array, length = array.length * 2): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(length);
  grown.set(array);
  return grown;
}
