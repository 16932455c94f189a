import { useT } from '../../app/i18n';
import { useCan } from '../../db';
import { FeedbackForm } from './FeedbackForm';
import { FeedbackList } from './FeedbackList';
import './feedback.css';

/** 意见反馈 (#/feedback): everyone's form; the admin also sees every report. */
export function FeedbackPage() {
  const t = useT();
  const canRead = useCan('feedback.read');
  return (
    <div className="feedback-page">
      <header className="page-header"><h1>{t('feedback.title')}</h1></header>
      <FeedbackForm />
      {canRead ? <FeedbackList /> : null}
    </div>
  );
}
