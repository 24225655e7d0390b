/** The <option>s of a select over one of the label records (ui/labels.ts, domain/claim.ts). */
export function LabelOptions<K extends string | number>({ labels, format }: { labels: Record<K, string>; format?(value: string, label: string): string }) {
  return (
    <>
      {Object.entries<string>(labels).map(([value, label]) => (
        <option key={value} value={value}>
          {format ? format(value, label) : label}
        </option>
      ))}
    </>
  );
}
