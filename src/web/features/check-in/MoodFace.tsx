/** A simple face for a mood of 1–5: the mouth bends from a frown to a smile. Decorative: the word beside it names the mood. */
export function MoodFace({ mood, size = 40 }: { mood: number; size?: number }) {
  const bend = [-7, -3.5, 0, 3.5, 7][mood - 1] ?? 0;
  return (
    <svg
      className={`mood-face mood-face--${mood}`}
      width={size}
      height={size}
      viewBox="0 0 40 40"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="20" cy="20" r="18" className="mood-face__skin" />
      <circle cx="14" cy="16" r="2.2" className="mood-face__feature" />
      <circle cx="26" cy="16" r="2.2" className="mood-face__feature" />
      <path
        d={`M12 ${27 - bend / 2} Q20 ${27 + bend} 28 ${27 - bend / 2}`}
        className="mood-face__mouth"
        fill="none"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
    </svg>
  );
}
