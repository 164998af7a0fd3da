import {
  Badge,
  Button,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Lang, Localized } from '../catalogue/types';
import { draftPlan, type DraftPlan } from '../drafting/draft';
import { draftToPlanSheetInput } from '../drafting/draft-sheet';
import { insertDraftPlanSheetInExcel } from '../workbook/office/draft-actions';
import { DRAFT_STRINGS } from './draft-strings';
import { draftRowsView } from './draft-view';
import { errorText } from './error-text';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxHeight: '50vh',
    overflowY: 'auto',
  },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalXS,
    borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}`,
  },
  marked: {
    borderLeft: `3px solid ${tokens.colorPaletteYellowBorder2}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  reason: { color: tokens.colorPaletteDarkOrangeForeground2 },
  wording: { color: tokens.colorNeutralForeground2 },
});

/**
 * *Chèn bộ chỉ tiêu* → "từ văn bản" (SPEC §13): paste the federation's document, see the draft
 * rows with their review marks, insert the draft plan sheet. The text never leaves the pane: it is
 * read here, and only the sheet is written into the workbook.
 */
export function DraftFromText(props: { lang: Lang; disabled: boolean; onClose: () => void }) {
  const { lang, disabled, onClose } = props;
  const s = DRAFT_STRINGS[lang];
  const styles = useStyles();
  const [text, setText] = useState('');
  const [draft, setDraft] = useState<DraftPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: Localized } | null>(
    null,
  );
  const rows = useMemo(() => (draft ? draftRowsView(draft, lang) : []), [draft, lang]);

  const makeDraft = () => {
    setNotice(null);
    setDraft(draftPlan(text));
  };

  const insert = async () => {
    if (!draft) return;
    setBusy(true);
    setNotice(null);
    try {
      const sheet = await insertDraftPlanSheetInExcel(draftToPlanSheetInput(draft, lang));
      setNotice({
        intent: 'success',
        text: { vi: DRAFT_STRINGS.vi.inserted(sheet), en: DRAFT_STRINGS.en.inserted(sheet) },
      });
    } catch (error) {
      setNotice({ intent: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const marked = draft ? draft.rules.filter((r) => r.review !== null).length : 0;
  return (
    <Card className={styles.card} aria-label={s.open}>
      <Field label={s.textLabel} hint={s.textHint}>
        <Textarea
          value={text}
          resize="vertical"
          rows={8}
          onChange={(_, data) => {
            setText(data.value);
            setDraft(null);
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={disabled || busy || text.trim() === ''}
          onClick={makeDraft}
        >
          {s.draft}
        </Button>
        <Button
          disabled={disabled || busy || !draft || draft.rules.length === 0}
          onClick={() => void insert()}
        >
          {s.insert}
        </Button>
        <Button appearance="subtle" onClick={onClose}>
          {s.close}
        </Button>
      </div>
      {notice && (
        <MessageBar
          intent={notice.intent}
          layout="multiline"
          role={notice.intent === 'error' ? 'alert' : 'status'}
        >
          <MessageBarBody>{notice.text[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {draft && draft.rules.length === 0 && (
        <MessageBar intent="warning" layout="multiline" role="status">
          <MessageBarBody>{s.noTarget}</MessageBarBody>
        </MessageBar>
      )}
      {draft && draft.rules.length > 0 && (
        <>
          <Text weight="semibold" role="status">
            {s.summary(draft.year, draft.rules.length, marked)}
          </Text>
          <ul className={styles.list} aria-label={s.listAria}>
            {rows.map((row) => (
              <li
                key={row.code}
                className={row.review ? `${styles.row} ${styles.marked}` : styles.row}
                data-draft-code={row.code}
                data-review={row.review ? 'yes' : 'no'}
              >
                <span className={styles.line}>
                  <Text weight="semibold">{row.code}</Text>
                  <Text>{row.kind}</Text>
                  <Text>
                    {row.target}
                    {row.unit ? ` ${row.unit}` : ''}
                  </Text>
                  {row.review ? (
                    <Badge color="warning" appearance="tint">
                      {s.reviewBadge}
                    </Badge>
                  ) : (
                    <span aria-label={s.sure} />
                  )}
                </span>
                <Text size={200} className={styles.wording}>
                  {row.wording}
                </Text>
                {row.review && (
                  <Text size={200} className={styles.reason}>
                    {row.review}
                  </Text>
                )}
              </li>
            ))}
          </ul>
          {draft.skipped.map((skip) => (
            <Text key={skip.code} size={200} className={styles.reason}>
              {s.skipped(skip.code)}
            </Text>
          ))}
        </>
      )}
    </Card>
  );
}
