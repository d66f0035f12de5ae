/** A template that cannot give a document its styles; the message says why, the command says which file. */
export class TemplateError extends Error {}
