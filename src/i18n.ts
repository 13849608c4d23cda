// Labels galley itself writes into documents (footnote heading, back-links,
// table of contents, figure captions), by primary language subtag, so that
// a French document says "Notes" and "Table des matières". English is the
// fallback for languages not listed.

export interface Labels {
  /** Heading of the footnotes section. */
  footnotes: string;
  /** Accessible label of a footnote's link back to where it is called, followed by its number. */
  backToContent: string;
  /** Heading of the table of contents. */
  contents: string;
  /** Caption prefix of numbered figures ("Figure 3"). */
  figure: string;
  /** A page footer: "Page {page} of {total}". */
  pageOf: string;
  /** Between a label and its text ("Figure 3: …"; French puts a no-break space before the colon). */
  colon: string;
}

const labels: Record<string, Labels> = {
  en: { footnotes: 'Footnotes', backToContent: 'Back to reference', contents: 'Contents', figure: 'Figure', pageOf: 'Page {page} of {total}', colon: ': ' },
  fr: { footnotes: 'Notes', backToContent: 'Retour à l’appel de note', contents: 'Table des matières', figure: 'Figure', pageOf: 'Page {page} sur {total}', colon: '\u00A0: ' },
  de: { footnotes: 'Fußnoten', backToContent: 'Zurück zum Verweis', contents: 'Inhalt', figure: 'Abbildung', pageOf: 'Seite {page} von {total}', colon: ': ' },
  es: { footnotes: 'Notas', backToContent: 'Volver a la referencia', contents: 'Índice', figure: 'Figura', pageOf: 'Página {page} de {total}', colon: ': ' },
  it: { footnotes: 'Note', backToContent: 'Torna al riferimento', contents: 'Indice', figure: 'Figura', pageOf: 'Pagina {page} di {total}', colon: ': ' },
  pt: { footnotes: 'Notas', backToContent: 'Voltar à referência', contents: 'Índice', figure: 'Figura', pageOf: 'Página {page} de {total}', colon: ': ' },
  nl: { footnotes: 'Voetnoten', backToContent: 'Terug naar verwijzing', contents: 'Inhoud', figure: 'Figuur', pageOf: 'Pagina {page} van {total}', colon: ': ' },
  sv: { footnotes: 'Fotnoter', backToContent: 'Tillbaka till hänvisningen', contents: 'Innehåll', figure: 'Figur', pageOf: 'Sida {page} av {total}', colon: ': ' },
  da: { footnotes: 'Fodnoter', backToContent: 'Tilbage til henvisningen', contents: 'Indhold', figure: 'Figur', pageOf: 'Side {page} af {total}', colon: ': ' },
  pl: { footnotes: 'Przypisy', backToContent: 'Powrót do odwołania', contents: 'Spis treści', figure: 'Rycina', pageOf: 'Strona {page} z {total}', colon: ': ' },
};

/** Labels for a BCP 47 tag (`fr-CA` → French), English when the language is not listed. */
export function labelsFor(lang: string): Labels {
  const primary = (lang.split('-')[0] ?? '').toLowerCase();
  return (Object.hasOwn(labels, primary) ? labels[primary] : undefined) ?? (labels.en as Labels);
}

/** Languages with their own labels. */
export const labelledLanguages: readonly string[] = Object.keys(labels);
