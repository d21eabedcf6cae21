// Maps UTF-16 offsets to zero-based { line, character } positions, as editors count them.

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // \r\n counts as one line break; a lone \r too, as VS Code does.
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.lineStarts[lo]! };
  }

  offsetAt(position: Position): number {
    const start = this.lineStarts[Math.min(Math.max(position.line, 0), this.lineStarts.length - 1)]!;
    return start + Math.max(position.character, 0);
  }
}
