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
}

const labels: Record<string, Labels> = {
  en: { footnotes: 'Footnotes', backToContent: 'Back to reference', contents: 'Contents', figure: 'Figure' },
  fr: { footnotes: 'Notes', backToContent: 'Retour à l’appel de note', contents: 'Table des matières', figure: 'Figure' },
  de: { footnotes: 'Fußnoten', backToContent: 'Zurück zum Verweis', contents: 'Inhalt', figure: 'Abbildung' },
  es: { footnotes: 'Notas', backToContent: 'Volver a la referencia', contents: 'Índice', figure: 'Figura' },
  it: { footnotes: 'Note', backToContent: 'Torna al riferimento', contents: 'Indice', figure: 'Figura' },
  pt: { footnotes: 'Notas', backToContent: 'Voltar à referência', contents: 'Índice', figure: 'Figura' },
  nl: { footnotes: 'Voetnoten', backToContent: 'Terug naar verwijzing', contents: 'Inhoud', figure: 'Figuur' },
  sv: { footnotes: 'Fotnoter', backToContent: 'Tillbaka till hänvisningen', contents: 'Innehåll', figure: 'Figur' },
  da: { footnotes: 'Fodnoter', backToContent: 'Tilbage til henvisningen', contents: 'Indhold', figure: 'Figur' },
  pl: { footnotes: 'Przypisy', backToContent: 'Powrót do odwołania', contents: 'Spis treści', figure: 'Rycina' },
};

/** Labels for a BCP 47 tag (`fr-CA` → French), English when the language is not listed. */
export function labelsFor(lang: string): Labels {
  const primary = (lang.split('-')[0] ?? '').toLowerCase();
  return (Object.hasOwn(labels, primary) ? labels[primary] : undefined) ?? (labels.en as Labels);
}

/** Languages with their own labels. */
export const labelledLanguages: readonly string[] = Object.keys(labels);
