import { Button, FileInput, Group, Paper, Select, Stack, Stepper } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page';
import { useFormErrors } from '../../ui/use-form-errors';
import { ImportMapping } from './import-mapping';
import { ImportProgress } from './import-progress';
import type { UploadedImport } from './import-types';
import { usePartnerOptions } from './options';

/** Upload a spreadsheet, map its columns, check the preview, run it and read the row report. */
export function ImportPage() {
  const { t } = useTranslation();
  const [uploaded, setUploaded] = useState<UploadedImport | null>(null);
  const [runningId, setRunningId] = useState<string | null>(null);
  const step = runningId ? 2 : uploaded ? 1 : 0;
  const restart = () => {
    setUploaded(null);
    setRunningId(null);
  };
  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.text')} />
      <Stepper active={step} mb="lg" size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('imports.steps.upload')} />
        <Stepper.Step label={t('imports.steps.map')} />
        <Stepper.Step label={t('imports.steps.run')} />
      </Stepper>
      {step === 0 ? <UploadStep onUploaded={setUploaded} /> : null}
      {step === 1 && uploaded ? (
        <ImportMapping upload={uploaded} onRun={setRunningId} onRestart={restart} />
      ) : null}
      {runningId ? <ImportProgress importId={runningId} onRestart={restart} /> : null}
    </>
  );
}

function UploadStep({ onUploaded }: { onUploaded: (value: UploadedImport) => void }) {
  const { t } = useTranslation();
  const options = usePartnerOptions();
  const errors = useFormErrors();
  const [programId, setProgramId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.set('programId', programId ?? '');
      form.set('file', file as File);
      return api.upload<UploadedImport>('/api/v1/partner-imports', form);
    },
    onSuccess: onUploaded,
    onError: errors.set,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    upload.mutate();
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={errors.general} />
        <Select
          data-testid="import-program"
          label={t('partners.program')}
          required
          data={options.programs}
          value={programId}
          onChange={setProgramId}
        />
        <FileInput
          label={t('imports.file')}
          description={t('imports.fileHint')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconUpload size={16} aria-hidden />}
          required
          clearable
          value={file}
          onChange={setFile}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={upload.isPending} disabled={!programId || !file}>
            {t('imports.upload')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
