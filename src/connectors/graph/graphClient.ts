/**
 * The part of a Microsoft Graph client the connectors use. SPFx's MSGraphClientV3 (in
 * SharePoint) and the Graph JavaScript client's `Client` (in the workbench and tests, pointed
 * at the local tenant's Graph root) both satisfy it, so one request-building code serves both.
 */
export interface GraphRequestLike {
  get(): Promise<unknown>;
  post(content: unknown): Promise<unknown>;
  /** A fetch option for this request (the Graph client's `option`): how a deadline aborts it. */
  option?(key: string, value: unknown): unknown;
}

export interface GraphClientLike {
  /** A path relative to the version root (`/$batch`, `/me`) or an absolute `@odata.nextLink`. */
  api(path: string): GraphRequestLike;
}
