// The severity words the built-in presets accept as aliases, by rank. Kept apart from
// severityWords.ts so that policy.ts can build its presets without importing the reader.

/** Severity words by rank (1 = most severe), in English, Spanish, Portuguese, French, German, Italian and Russian. */
export const SEVERITY_WORDS: Record<1 | 2 | 3 | 4, string[]> = {
  1: ['critical', 'crit', 'blocker', 'crítico', 'crítica', 'critique', 'kritisch', 'critico', 'critica', 'критический', 'критическая', 'критичный', 'критично', 'критичная'],
  2: ['high', 'major', 'alto', 'alta', 'grave', 'élevé', 'élevée', 'haute', 'haut', 'majeur', 'majeure', 'hoch', 'schwer', 'высокий', 'высокая', 'серьёзный', 'серьезный'],
  3: ['medium', 'moderate', 'medio', 'media', 'moderado', 'moderada', 'médio', 'média', 'moyen', 'moyenne', 'modéré', 'modérée', 'mittel', 'moderat', 'moderato', 'moderata', 'средний', 'средняя'],
  4: ['low', 'minor', 'bajo', 'baja', 'menor', 'baixo', 'baixa', 'faible', 'bas', 'basse', 'mineur', 'mineure', 'niedrig', 'gering', 'basso', 'bassa', 'lieve', 'низкий', 'низкая', 'незначительный'],
};
