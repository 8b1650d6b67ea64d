/** Shapes of the partner import API. */

export const IMPORT_TARGETS = [
  'fullName',
  'phone',
  'email',
  'externalId',
  'province',
  'uplineReferralCode',
  'groupName',
  'tags',
  'referralCode',
] as const;

export type ImportMapping = Record<string, string>;

/** Answer of the upload: the file's columns, a few rows and a suggested mapping. */
export type UploadedImport = {
  importId: string;
  totalRows: number;
  columns: string[];
  sampleRows: Record<string, string>[];
  suggestedMapping: ImportMapping;
};

export type ImportPreview = {
  totalRows: number;
  valid: number;
  invalid: number;
  errors: { row: number; field: string; message: string }[];
};

export type PartnerImport = {
  id: string;
  programId: string;
  fileName: string;
  status: 'uploaded' | 'previewed' | 'running' | 'done' | 'failed';
  mapping: ImportMapping | null;
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  createdAt: string;
  finishedAt: string | null;
};
