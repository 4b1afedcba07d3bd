/**
 * A data subject as people recognise them: their name (or a document's title)
 * with the id beneath it, or the id alone when the log holds no name or it
 * was erased.
 */
export function SubjectName({ name, subjectId }: { name: string | null | undefined; subjectId: string }) {
  if (!name) return <code className="small">{subjectId}</code>;
  return (
    <span className="subject-name">
      <span>{name}</span>
      <code className="small muted">{subjectId}</code>
    </span>
  );
}
