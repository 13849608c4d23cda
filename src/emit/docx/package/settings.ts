// `word/settings.xml`: Word 2013+ layout (compatibility mode 15), the
// footnote separators, the proofing language, and, when asked, a request to
// refresh fields on opening.
import type { WordLanguage } from '../language.js';
import { attr, declaration, namespaces } from '../xml.js';

export interface SettingsOptions {
  language: WordLanguage;
  footnotes: boolean;
  updateFields: boolean;
  mathFont: string;
}

export function settingsXml({ language, footnotes, updateFields, mathFont }: SettingsOptions): string {
  return (
    `${declaration}<w:settings${namespaces('w', 'm')}>` +
    '<w:zoom w:percent="100"/>' +
    '<w:defaultTabStop w:val="720"/>' +
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    (updateFields ? '<w:updateFields w:val="true"/>' : '') +
    (footnotes ? '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' : '') +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    `<m:mathPr><m:mathFont m:val="${attr(mathFont)}"/><m:dispDef/><m:lMargin m:val="0"/><m:rMargin m:val="0"/><m:defJc m:val="centerGroup"/><m:intLim m:val="subSup"/><m:naryLim m:val="undOvr"/></m:mathPr>` +
    `<w:themeFontLang w:val="${attr(language.tag)}"${language.eastAsia ? ` w:eastAsia="${attr(language.eastAsia)}"` : ''}${language.bidi ? ` w:bidi="${attr(language.bidi)}"` : ''}/>` +
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>' +
    '</w:settings>'
  );
}
