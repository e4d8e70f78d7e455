/**
 * The parts a command writes into a user's package are edited as XML documents, never as text:
 * @xmldom/xmldom parses them with their namespaces (a prefix declared on <sheet> rather than on
 * <workbook>, as openpyxl writes, is seen for what it is), and its serializer declares any prefix an
 * added element or attribute needs. Parsing refuses what is not namespace-well-formed XML, so the
 * same parser also verifies every part written.
 */
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';

/** A part that is not (namespace-)well-formed XML: the part and the parser's first complaint. */
export class XmlPartError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
  ) {
    super(`${part}: ${detail}`);
  }
}

/**
 * The part as a document. `strict`: a warning fails too (what the verification of a written part
 * asks); otherwise only errors do (a producer's part read to be edited).
 */
export function parseXml(text: string, part: string, strict = false): Document {
  let problem: string | null = null;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level === 'warning' && !strict) return;
      problem ??= message;
      // Thrown back as a ParseError by the parser: the first problem, kept above, is the one told.
      throw new Error(message);
    },
  });
  let doc: Document | undefined;
  try {
    doc = parser.parseFromString(text, 'application/xml');
  } catch (e) {
    problem ??= (e as Error).message;
  }
  if (problem !== null || !doc?.documentElement) throw new XmlPartError(part, (problem ?? 'aucun élément racine').split('\n')[0].slice(0, 200));
  return doc;
}

export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

/** The elements `local` in namespace `ns` under `root`, in document order. */
export function elementsNS(root: Document | Element, ns: string, local: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, local));
}

/** The child elements of `parent` named `local` in namespace `ns`. */
export function childrenNS(parent: Element, ns: string, local: string): Element[] {
  return Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local);
}

/**
 * An element in the namespace and with the prefix of `like` (an `x:sheets` gets an `x:sheet`), so
 * that the serializer declares nothing new for it.
 */
export function createLike(doc: Document, like: Element, local: string): Element {
  return doc.createElementNS(like.namespaceURI, like.prefix ? `${like.prefix}:${local}` : local);
}

/** Characters XML 1.0 cannot carry at all, removed from a value before it is written (the user's text otherwise kept as typed). */
export const xmlChars = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
