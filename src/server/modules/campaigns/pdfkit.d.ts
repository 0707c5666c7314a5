// pdfkit ships no types; the few calls the campaign report makes (decision 024).
declare module 'pdfkit' {
  interface TextOptions {
    width?: number;
    align?: 'left' | 'right' | 'center';
    continued?: boolean;
    indent?: number;
    characterSpacing?: number;
    lineBreak?: boolean;
    ellipsis?: boolean | string;
  }
  interface PageOptions {
    size?: string;
    margin?: number;
    layout?: 'portrait' | 'landscape';
  }
  class PDFDocument {
    constructor(
      options?: PageOptions & {
        info?: Record<string, string>;
        lang?: string;
        bufferPages?: boolean;
        compress?: boolean;
      },
    );
    x: number;
    y: number;
    page: { width: number; height: number; margins: { left: number; right: number; top: number; bottom: number } };
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    heightOfString(text: string, options?: TextOptions): number;
    moveDown(lines?: number): this;
    addPage(options?: PageOptions): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    rect(x: number, y: number, width: number, height: number): this;
    fill(color?: string): this;
    fillAndStroke(fill?: string, stroke?: string): this;
    lineWidth(width: number): this;
    strokeColor(color: string): this;
    stroke(): this;
    bufferedPageRange(): { start: number; count: number };
    switchToPage(n: number): this;
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    end(): void;
  }
  export default PDFDocument;
}
