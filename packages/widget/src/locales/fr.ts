import type { Strings } from './en.js';

// French typography puts a narrow no-break space before ? ! and :.
export const fr: Partial<Strings> = {
  close: 'Fermer',
  announce: 'Nouvelle enquête\u202f: {question}',
  nps0: 'Pas du tout probable',
  nps10: 'Extrêmement probable',
  csat1: 'Très insatisfait',
  csat2: 'Insatisfait',
  csat3: 'Neutre',
  csat4: 'Satisfait',
  csat5: 'Très satisfait',
  ces1: 'Très difficile',
  ces2: 'Difficile',
  ces3: 'Plutôt difficile',
  ces4: 'Neutre',
  ces5: 'Plutôt facile',
  ces6: 'Facile',
  ces7: 'Très facile',
  followUp: 'Quelle est la raison principale de votre note\u202f?',
  chosen: 'Votre note\u202f: {score}',
  change: 'Modifier',
  send: 'Envoyer',
  thanks: 'Merci pour votre avis\u202f!',
};
