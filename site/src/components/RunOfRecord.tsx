/**
 * Which run a lab 05 table came from, for its caption: the committed file it is read from and, when that file
 * carries the table from an earlier run, the file that run wrote (its date, runtime and machine are the
 * caption's).
 */
import type React from 'react';

export default function RunOfRecord({ data }: { data: { file: string; from: string } }): React.ReactElement {
  if (data.from === data.file)
    return (
      <>
        Run of record: <code>{data.file}</code>
      </>
    );
  return (
    <>
      Run of record: the one that wrote <code>{data.from}</code>, carried in <code>{data.file}</code>
    </>
  );
}
