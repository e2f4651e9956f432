// Reads one member of a zip (docx/xlsx) as text, for tests that inspect the XML.
import { text } from 'node:stream/consumers';
import yauzl from 'yauzl';

export async function zipMemberText(zip: Buffer, name: string): Promise<string> {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  try {
    for await (const entry of file.eachEntry()) {
      if (entry.fileName === name) return await text(await file.openReadStreamPromise(entry));
    }
  } finally {
    file.close();
  }
  throw new Error(`${name} is not in the zip`);
}
