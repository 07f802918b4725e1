import type { Strings } from './en.js';

export const es: Partial<Strings> = {
  close: 'Cerrar',
  announce: 'Nueva encuesta: {question}',
  nps0: 'Nada probable',
  nps10: 'Muy probable',
  csat1: 'Muy insatisfecho',
  csat2: 'Insatisfecho',
  csat3: 'Neutral',
  csat4: 'Satisfecho',
  csat5: 'Muy satisfecho',
  ces1: 'Muy difícil',
  ces2: 'Difícil',
  ces3: 'Algo difícil',
  ces4: 'Neutral',
  ces5: 'Algo fácil',
  ces6: 'Fácil',
  ces7: 'Muy fácil',
  followUp: '¿Cuál es el motivo principal de tu puntuación?',
  send: 'Enviar',
  thanks: '¡Gracias por tu opinión!',
};
