/**
 * The baseline of the service benchmark: vscode-json-languageservice configured with the flat
 * schema of the app, parsing, validating and completing the same text.
 */
import { getLanguageService, type JSONDocument, type LanguageService } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AppModel } from '../../server/src/service/cwl/model';
import { flatTaskSchema } from './flatSchema';

export class JsonLanguageServiceBaseline {
  private readonly service: LanguageService;

  constructor(app: AppModel) {
    this.service = getLanguageService({});
    this.service.configure({
      validate: true,
      allowComments: false,
      schemas: [{ uri: 'sbg-bench://task-schema.json', fileMatch: ['*.sbtask.json'], schema: flatTaskSchema(app) }],
    });
  }

  parse(document: TextDocument): JSONDocument {
    return this.service.parseJSONDocument(document);
  }

  async validate(document: TextDocument) {
    return this.service.doValidation(document, this.parse(document));
  }

  async complete(document: TextDocument, offset: number) {
    return this.service.doComplete(document, document.positionAt(offset), this.parse(document));
  }
}
