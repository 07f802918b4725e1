import type { Strings } from './en.js';

export const de: Partial<Strings> = {
  close: 'Schließen',
  announce: 'Neue Umfrage: {question}',
  nps0: 'Überhaupt nicht wahrscheinlich',
  nps10: 'Äußerst wahrscheinlich',
  csat1: 'Sehr unzufrieden',
  csat2: 'Unzufrieden',
  csat3: 'Neutral',
  csat4: 'Zufrieden',
  csat5: 'Sehr zufrieden',
  ces1: 'Sehr schwierig',
  ces2: 'Schwierig',
  ces3: 'Eher schwierig',
  ces4: 'Neutral',
  ces5: 'Eher einfach',
  ces6: 'Einfach',
  ces7: 'Sehr einfach',
  followUp: 'Was ist der wichtigste Grund für Ihre Bewertung?',
  send: 'Senden',
  thanks: 'Vielen Dank für Ihr Feedback!',
};
