import crypto from 'node:crypto';

/** A file part of a multipart form. */
export interface FormFile {
  name: string;
  content: Buffer | string;
  type?: string;
}

/** A multipart/form-data body as a browser sends it, with the matching content-type header. */
export function multipartForm(
  fields: Record<string, string>,
  file?: FormFile,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----teduh${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
