// Tables (scrolling on a phone with a visible edge), the summary and the drivers' blocks.
export const TABLES_CSS = `/* Tables wider than the screen scroll inside their box; shadows at the edges that still
   have columns to show say so (the local gradients cover them when scrolled to an end). */
.scroll {
  overflow-x: auto;
  margin-top: 1rem;
  background:
    linear-gradient(to right, var(--surface) 30%, transparent) left / 2rem 100% no-repeat local,
    linear-gradient(to left, var(--surface) 30%, transparent) right / 2rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.3), transparent) left / 0.8rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.3), transparent) right / 0.8rem 100% no-repeat scroll,
    var(--surface);
}

.scroll:focus-visible {
  outline: 2px solid var(--accent);
}

.scroll table {
  background: transparent;
}

.summary {
  margin: 0 0 1rem;
  padding-left: 1.2rem;
  font-size: 1.05rem;
}

.summary li + li {
  margin-top: 0.35rem;
}

.driver-block {
  margin-bottom: 1.5rem;
}

.driver-block .lead {
  font-size: 1.05rem;
}

.method summary,
.trail-details summary {
  cursor: pointer;
  color: var(--muted);
}

.pager {
  display: flex;
  gap: 1rem;
  align-items: center;
  margin-top: 1rem;
}

table {
  border-collapse: collapse;
  min-width: 100%;
  background: var(--surface);
  font-variant-numeric: tabular-nums;
}

caption {
  text-align: left;
  color: var(--muted);
  padding: 0 0 0.25rem;
}

th,
td {
  text-align: left;
  padding: 0.4rem 0.75rem;
  border-bottom: 1px solid var(--line);
  white-space: nowrap;
}

td small,
th small {
  color: var(--muted);
}

td.none {
  color: var(--muted);
}

td.worse {
  color: var(--low);
  font-weight: 600;
}

td.better {
  color: var(--high);
  font-weight: 600;
}

`;
