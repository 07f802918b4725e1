// The comment and version filters, the comments and the trails before them.
export const COMMENTS_CSS = `.filters,
.versions {
  display: flex;
  flex-wrap: wrap;
  gap: 0.75rem;
  align-items: end;
  margin-bottom: 0.5rem;
}

.filters label,
.versions label {
  display: grid;
  gap: 0.2rem;
  font-size: 0.9rem;
}

select,
button {
  font: inherit;
  padding: 0.35rem 0.5rem;
  border-radius: 8px;
  border: 1px solid var(--muted);
  background: var(--surface);
  color: var(--text);
}

button {
  background: var(--accent);
  color: var(--on-accent);
  border-color: var(--accent);
  cursor: pointer;
}

.comments {
  list-style: none;
  padding: 0;
  margin: 0;
  display: grid;
  gap: 0.75rem;
}

.comment {
  padding: 0.75rem 1rem;
  border: 1px solid var(--line);
  border-radius: 12px;
  background: var(--surface);
}

.comment .meta {
  margin: 0;
  color: var(--muted);
  font-size: 0.9rem;
}

.comment blockquote {
  margin: 0.4rem 0;
  font-size: 1.05rem;
  overflow-wrap: anywhere;
  white-space: pre-wrap;
}

.score {
  display: inline-block;
  min-width: 2em;
  padding: 0 0.4em;
  border-radius: 6px;
  text-align: center;
  font-weight: 700;
  color: var(--bg);
  background: var(--muted);
}

.score.low {
  background: var(--low);
}

.score.mid {
  color: var(--on-mid);
  background: var(--mid);
}

.score.high {
  background: var(--high);
}

.band {
  color: var(--text);
}

.trail {
  display: flex;
  flex-wrap: wrap;
  gap: 0.3rem;
  list-style: none;
  padding: 0;
  margin: 0.25rem 0 0;
  font-size: 0.8rem;
  color: var(--muted);
}

.trail li {
  padding: 0.1rem 0.45rem;
  border: 1px solid var(--line);
  border-radius: 999px;
}

.trail li + li::before {
  content: "→ ";
}

.trail .stage {
  color: var(--text);
  font-weight: 600;
}
`;
