// A file target for drag and drop, which is also a plain file picker
// (keyboard and phone users cannot drag).
import { useState } from 'preact/hooks';

interface Props {
  accept: string;
  label: string;
  file: File | null;
  onFile: (file: File) => void;
  testId: string;
}

export function DropZone({ accept, label, file, onFile, testId }: Props) {
  const [over, setOver] = useState(false);
  return (
    <label
      class={`dropzone ${over ? 'over' : ''}`}
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const dropped = e.dataTransfer?.files[0];
        if (dropped) onFile(dropped);
      }}
    >
      <input
        type="file"
        accept={accept}
        onChange={(e) => {
          const chosen = e.currentTarget.files?.[0];
          if (chosen) onFile(chosen);
        }}
      />
      <span>{file ? `${file.name} (${(file.size / 1000).toFixed(1)} kB)` : label}</span>
    </label>
  );
}
