// The XMP metadata packet's descriptions: the same title, author, subject,
// keywords, tools and dates as the document information dictionary (PDF/A
// requires them to match), the document's language, and for PDF/A the part
// and conformance level. Every value is XML-escaped (pdfkit's own packet
// writes titles as they are, so a title with "&" made invalid XML).

/** What the information dictionary and the XMP packet both say of the document. */
export interface DocumentInfo {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator: string;
  producer: string;
  lang: string;
}

export interface XmpInfo extends DocumentInfo {
  date: Date;
  /** PDF/A part and conformance (`2`, `b`), when the file claims PDF/A. */
  pdfa?: { part: number; conformance: string };
}

function escape(value: string): string {
  return value.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] as string).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/** XMP dates: ISO 8601 in UTC, to the second (as the information dictionary's D:…Z dates). */
function xmpDate(date: Date): string {
  return `${date.toISOString().split('.')[0]}Z`;
}

/** The rdf:Description elements of the packet (pdfkit wraps them in the packet). */
export function xmpDescriptions(info: XmpInfo): string {
  const date = xmpDate(info.date);
  const dc: string[] = [`<dc:format>application/pdf</dc:format>`, `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escape(info.title)}</rdf:li></rdf:Alt></dc:title>`];
  if (info.author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${escape(info.author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (info.subject) dc.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escape(info.subject)}</rdf:li></rdf:Alt></dc:description>`);
  if (info.lang) dc.push(`<dc:language><rdf:Bag><rdf:li>${escape(info.lang)}</rdf:li></rdf:Bag></dc:language>`);
  const pdf = [`<pdf:Producer>${escape(info.producer)}</pdf:Producer>`];
  if (info.keywords) pdf.push(`<pdf:Keywords>${escape(info.keywords)}</pdf:Keywords>`);
  const parts = [
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:MetadataDate>${date}</xmp:MetadataDate><xmp:CreatorTool>${escape(info.creator)}</xmp:CreatorTool></rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc.join('')}</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">${pdf.join('')}</rdf:Description>`,
  ];
  if (info.pdfa) {
    parts.push(
      `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>${info.pdfa.part}</pdfaid:part><pdfaid:conformance>${info.pdfa.conformance.toUpperCase()}</pdfaid:conformance></rdf:Description>`,
    );
  }
  return parts.join('\n');
}
