// *Tổng hợp từ tệp…* (SPEC §9): pick the units' .xlsx files, copy their report sheets into the
// open workbook one file at a time with progress, name each file that did not come in and why,
// then hand over to the pane's Tạo bảng tổng hợp.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DocumentMultiple20Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { Lang, Localized } from '../catalogue/types';
import {
  CONSOLIDATE_UNAVAILABLE,
  canConsolidateFiles,
  copyReportSheetsInExcel,
  type FileOutcome,
  type FileProgress,
} from '../workbook/office/consolidate-files';
import { errorText } from './error-text';

const TEXT = {
  vi: {
    button: 'Tổng hợp từ tệp…',
    hint: 'Chọn các tệp .xlsx của đơn vị (như nhận qua thư điện tử): các trang báo cáo được chép vào sổ làm việc này, rồi đánh giá và tạo bảng tổng hợp.',
    copying: (p: FileProgress) => `Đang chép tệp ${p.index + 1}/${p.total}: ${p.file}`,
    copied: (ok: number, all: number) => `Đã chép ${ok}/${all} tệp vào sổ làm việc.`,
    failedTitle: 'Các tệp không chép được:',
  },
  en: {
    button: 'Consolidate from files…',
    hint: 'Pick the units’ .xlsx files (as they arrived by e-mail): their report sheets are copied into this workbook, then evaluated and summarised.',
    copying: (p: FileProgress) => `Copying file ${p.index + 1} of ${p.total}: ${p.file}`,
    copied: (ok: number, all: number) => `Copied ${ok} of ${all} files into the workbook.`,
    failedTitle: 'Files not copied:',
  },
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hidden: { display: 'none' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function ConsolidateFiles(props: {
  lang: Lang;
  disabled: boolean;
  /** After the copy, when at least one file came in: evaluate and make the summary. */
  onCopied: () => void;
}) {
  const { lang, disabled, onCopied } = props;
  const t = TEXT[lang];
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<FileProgress | null>(null);
  const [outcomes, setOutcomes] = useState<FileOutcome[] | null>(null);
  const [failure, setFailure] = useState<Localized | null>(null);
  const available = canConsolidateFiles();

  const copy = async (files: File[]) => {
    setOutcomes(null);
    setFailure(null);
    try {
      const units = await Promise.all(
        files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      const done = await copyReportSheetsInExcel(units, setProgress);
      setOutcomes(done);
      if (done.some((o) => o.error === null)) onCopied();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setProgress(null);
    }
  };

  const failed = outcomes?.filter((o) => o.error !== null) ?? [];
  return (
    <div className={styles.root} data-testid="consolidate-files">
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple
        aria-label={t.button}
        data-testid="consolidate-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) void copy(files);
        }}
      />
      <Button
        icon={<DocumentMultiple20Regular />}
        disabled={disabled || progress !== null || !available}
        title={available ? t.hint : CONSOLIDATE_UNAVAILABLE[lang]}
        onClick={() => input.current?.click()}
      >
        {t.button}
      </Button>
      {!available && <Text size={200}>{CONSOLIDATE_UNAVAILABLE[lang]}</Text>}
      {progress && (
        <div role="status" aria-live="polite">
          <Text size={200}>{t.copying(progress)}</Text>
          <ProgressBar
            value={(progress.index + 1) / progress.total}
            aria-label={t.copying(progress)}
          />
        </div>
      )}
      {outcomes && (
        <MessageBar
          intent={failed.length > 0 ? 'warning' : 'success'}
          layout="multiline"
          data-testid="consolidate-result"
        >
          <MessageBarBody>
            {t.copied(outcomes.length - failed.length, outcomes.length)}
            {failed.length > 0 && (
              <>
                {' '}
                {t.failedTitle}
                <ul className={styles.list}>
                  {failed.map((o) => (
                    <li key={o.file}>{o.error?.[lang]}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {failure && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{failure[lang]}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
