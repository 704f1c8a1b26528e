// How much of a board's free memory a model needs: the bar turns red when
// the model does not fit.
import { kb } from '../format';

export function MemoryBar({ label, need, have }: { label: string; need: number | null; have: number | null }) {
  if (need == null) return null;
  const share = have ? need / have : 0;
  const fits = have == null || need <= have;
  return (
    <div class="membar" data-testid={`bar-${label}`}>
      <div class="membar-label">
        <span>{label}</span>
        <span>
          {kb(need)}
          {have != null && ` of ${kb(have)} (${(share * 100).toFixed(0)} %)`}
        </span>
      </div>
      {have != null && (
        <div class="membar-track" role="meter" aria-valuenow={need} aria-valuemax={have} aria-label={label}>
          <div class={`membar-fill ${fits ? 'fits' : 'over'}`} style={{ width: `${Math.min(share, 1) * 100}%` }} />
        </div>
      )}
    </div>
  );
}
