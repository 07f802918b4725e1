// The page's frame: header, sections, metric cards and their legends.
export const LAYOUT_CSS = `code {
  font-size: 0.9em;
  overflow-wrap: anywhere;
}

.top {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 2rem;
  align-items: end;
  justify-content: space-between;
  padding: 1rem clamp(1rem, 4vw, 2.5rem);
  border-bottom: 1px solid var(--line);
  background: var(--surface);
}

.top h1 {
  margin: 0;
  font-size: 1.6rem;
}

.top p {
  margin: 0.25rem 0 0;
}

.top nav {
  display: flex;
  flex-wrap: wrap;
  gap: 1rem;
}

main {
  max-width: 1180px;
  margin: 0 auto;
  padding: 0 clamp(1rem, 4vw, 2.5rem) 3rem;
}

section {
  margin-top: 2.25rem;
}

h2 {
  font-size: 1.25rem;
  margin: 0 0 0.5rem;
}

.muted {
  color: var(--muted);
}

.empty,
.problem {
  margin-top: 1.5rem;
  padding: 0.75rem 1rem;
  border: 1px solid var(--line);
  border-radius: 10px;
  background: var(--surface);
}

.problem {
  border-color: var(--low);
}

.cards,
.charts {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr));
  gap: 1rem;
}

.card,
figure {
  margin: 0;
  padding: 1rem;
  border: 1px solid var(--line);
  border-radius: 12px;
  background: var(--surface);
  min-width: 0;
}

.card h3 {
  margin: 0;
  font-size: 1rem;
  color: var(--muted);
}

.card p {
  margin: 0.25rem 0;
}

.big {
  font-size: 2.5rem;
  font-weight: 700;
  line-height: 1.1;
}

.big.none {
  font-size: 1.5rem;
  color: var(--muted);
}

.legend {
  font-size: 0.85rem;
  color: var(--muted);
}

.legend {
  display: flex;
  flex-wrap: wrap;
  gap: 0 0.9rem;
}

/* A key stays beside its label when the legend wraps. */
.legend .item {
  white-space: nowrap;
}

.key {
  display: inline-block;
  width: 0.7em;
  height: 0.7em;
  margin-right: 0.3em;
  border-radius: 2px;
  vertical-align: baseline;
}

.key.low {
  background: var(--low);
}

.key.mid {
  background: var(--mid);
}

.key.high {
  background: var(--high);
}

figcaption {
  font-weight: 600;
  margin-bottom: 0.5rem;
}

`;
