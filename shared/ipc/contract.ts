import { z } from 'zod';
import type { DesktopMethod, IpcArgs, IpcResult } from './desktop-api';
import {
  ackedScanFileSchema, ackScanFileArgsSchema, ackScanFileErrorSchema, appInfoSchema, chooseScanFolderErrorSchema,
  chosenFolderSchema, openedFilesSchema, openFilesArgsSchema, openFilesErrorSchema, replySchema, savedFileSchema,
  saveFileArgsSchema, saveFileErrorSchema, scanFolderPollSchema, scanFolderStatusSchema, startScanFolderArgsSchema,
  startScanFolderErrorSchema,
} from './schemas';
import {
  backupDoneSchema, backupDrivesSchema, backupFileArgsSchema, backupFolderSchema, backupListArgsSchema,
  backupListResultSchema, backupReadResultSchema, backupSizeResultSchema, backupStoreErrorSchema, backupWriteArgsSchema,
  chooseBackupFolderErrorSchema, localSecretErrorSchema, localSecretGetArgsSchema, localSecretSetArgsSchema, localSecretValueSchema,
} from './backup-schemas';
import {
  pinCertificateErrorSchema, pinnedSchema, pinServerCertificateArgsSchema, probeCertificateErrorSchema,
  probeServerCertificateArgsSchema, serverCertificateSchema,
} from './server-cert-schemas';
import { savePdfArgsSchema, savePdfOutcomeSchema } from './pdf-schemas';

/** The schemas of one method: its argument and its reply. */
export interface MethodSchemas<M extends DesktopMethod> {
  readonly args: z.ZodType<IpcArgs<M>>;
  readonly result: z.ZodType<IpcResult<M>>;
}

/** Argument and reply schemas of every DesktopApi method; main parses arguments with them, the renderer may parse replies. */
export const IPC_SCHEMAS: { readonly [M in DesktopMethod]: MethodSchemas<M> } = {
  getAppInfo: { args: z.undefined(), result: replySchema(appInfoSchema, z.never()) },
  saveFile: { args: saveFileArgsSchema, result: replySchema(savedFileSchema, saveFileErrorSchema) },
  openFiles: { args: openFilesArgsSchema, result: replySchema(openedFilesSchema, openFilesErrorSchema) },
  chooseScanFolder: { args: z.undefined(), result: replySchema(chosenFolderSchema, chooseScanFolderErrorSchema) },
  startScanFolder: { args: startScanFolderArgsSchema, result: replySchema(scanFolderStatusSchema, startScanFolderErrorSchema) },
  stopScanFolder: { args: z.undefined(), result: replySchema(scanFolderStatusSchema, z.never()) },
  pollScanFolder: { args: z.undefined(), result: replySchema(scanFolderPollSchema, z.never()) },
  ackScanFile: { args: ackScanFileArgsSchema, result: replySchema(ackedScanFileSchema, ackScanFileErrorSchema) },
  listBackupDrives: { args: z.undefined(), result: replySchema(backupDrivesSchema, z.never()) },
  chooseBackupFolder: { args: z.undefined(), result: replySchema(backupFolderSchema, chooseBackupFolderErrorSchema) },
  localBackupFolder: { args: z.undefined(), result: replySchema(backupFolderSchema, z.never()) },
  backupRead: { args: backupFileArgsSchema, result: replySchema(backupReadResultSchema, backupStoreErrorSchema) },
  backupWrite: { args: backupWriteArgsSchema, result: replySchema(backupDoneSchema, backupStoreErrorSchema) },
  backupList: { args: backupListArgsSchema, result: replySchema(backupListResultSchema, backupStoreErrorSchema) },
  backupSize: { args: backupFileArgsSchema, result: replySchema(backupSizeResultSchema, backupStoreErrorSchema) },
  backupRemove: { args: backupFileArgsSchema, result: replySchema(backupDoneSchema, backupStoreErrorSchema) },
  getLocalSecret: { args: localSecretGetArgsSchema, result: replySchema(localSecretValueSchema, localSecretErrorSchema) },
  setLocalSecret: { args: localSecretSetArgsSchema, result: replySchema(backupDoneSchema, localSecretErrorSchema) },
  probeServerCertificate: { args: probeServerCertificateArgsSchema, result: replySchema(serverCertificateSchema, probeCertificateErrorSchema) },
  pinServerCertificate: { args: pinServerCertificateArgsSchema, result: replySchema(pinnedSchema, pinCertificateErrorSchema) },
  savePdf: { args: savePdfArgsSchema, result: replySchema(savePdfOutcomeSchema, z.never()) },
};
