/**
 * The Learn cards, as data. Plain words, no diagnosis, no labels for people: each card explains
 * one idea and offers one small thing to try. Attune is a practice space, not care, so the cards
 * describe and invite; they never prescribe.
 */
import type { LearnCard, LearnCardId } from './learn-card.ts';

const NERVOUS_SYSTEM_STATES: LearnCard = {
  id: 'nervous-system-states',
  title: 'Three states, and room for not knowing',
  body: [
    'Your body keeps asking a quiet question: am I safe right now? Its answer shows up as a state. Attune names three, and leaves room for not knowing.',
    'Settled and present: you can think, feel and connect. Revved up or on edge: energy rises to meet a threat, and your heart and thoughts speed up. Low, numb or far away: the body turns the power down when things feel like too much.',
    '“Mixed, or not sure” is always a fair answer. Every state has a purpose: each one is your body trying to look after you. And states shift, often sooner than it seems.',
  ],
  tryThis: {
    text: 'Check in now. Pick the state that fits best, or choose mixed.',
    link: { kind: 'place', placeId: 'home-check-in' },
  },
  related: ['window-of-tolerance', 'self-regulation-first', 'co-regulation'],
  shownAt: ['home-check-in'],
};

const WINDOW_OF_TOLERANCE: LearnCard = {
  id: 'window-of-tolerance',
  title: 'The window of tolerance',
  body: [
    'Picture a window. Inside it, you can feel a lot and still think clearly, and stay in touch with your body and the people around you. Hard things stay hard, but you can handle them.',
    'Above the window, everything speeds up: racing thoughts, a tight chest, words that come out too fast. Below it, everything slows and goes flat: heavy, foggy, far away.',
    'Everyone leaves their window at times. The aim is not to stay inside it always. It is to notice when you have left, and to find your way back. With small, regular practice, the window tends to widen.',
  ],
  tryThis: {
    text: 'Next time you check in, notice whether you feel inside your window, above it or below it.',
    link: { kind: 'place', placeId: 'home-check-in' },
  },
  related: ['nervous-system-states', 'self-regulation-first', 'repair'],
  shownAt: ['home-check-in', 'progress'],
};

const SELF_REGULATION_FIRST: LearnCard = {
  id: 'self-regulation-first',
  title: 'Start with yourself',
  body: [
    'Before practising with someone else, it helps to know your own body a little. What does it feel like when you start to rev up, or start to go numb? What helps you come back?',
    'Knowing this makes closeness feel safer. You can notice when you are near your edge, say so, and pause, rather than being swept along. If other people have not always been safe for you, this matters even more.',
    'That is why Attune offers practices on your own first, and why a pause is always one tap away. Settling together grows out of settling alone.',
  ],
  tryThis: {
    text: 'Try paced breathing on your own for three minutes, breathing in for four counts and out for six.',
    link: { kind: 'practice', practiceId: 'paced-breathing' },
  },
  related: ['nervous-system-states', 'window-of-tolerance', 'co-regulation'],
  shownAt: ['solo-practices', 'repair'],
};

const CO_REGULATION: LearnCard = {
  id: 'co-regulation',
  title: 'Settling together',
  body: [
    'Bodies read each other. When someone near you is calm, your breath and heart often slow a little to meet theirs, usually without either of you noticing. This is co-regulation: steadiness passing from one person to another.',
    'It happens all the time. A parent rocks a crying baby. A friend listens without rushing to fix anything. Someone you trust sits close while a hard moment passes.',
    'Needing this is not a flaw. People are made to steady each other. Attune gives you simple ways to do it on purpose, with someone you choose, at a pace that suits you both.',
  ],
  tryThis: {
    text: 'Sit with someone you trust and breathe to the same slow guide for two minutes.',
    link: { kind: 'practice', practiceId: 'breath-sync' },
  },
  related: ['self-regulation-first', 'nervous-system-states', 'attachment'],
  shownAt: ['practise-together'],
};

const ATTACHMENT: LearnCard = {
  id: 'attachment',
  title: 'How we learned to reach for others',
  body: [
    'From the start of life, we reach for the people who care for us. How they answered taught us, without words, what to expect from closeness.',
    'Over time this becomes an inner map with two big questions on it. Am I worth love and attention? Can I count on others to show up for me?',
    'These maps are drawn early, but they are not fixed. They keep shifting with the relationships we have, and being met again and again can slowly redraw them. Nobody chose the map they started with, and everyone can add to it.',
  ],
  tryThis: {
    text: 'Answer the two questions for yourself, on a scale and in a few words. Come back later to see what has moved.',
    link: { kind: 'place', placeId: 'reflection-two-questions' },
  },
  related: ['the-cycle', 'hyper-independence', 'co-regulation'],
  shownAt: ['reflection-two-questions'],
};

const THE_CYCLE: LearnCard = {
  id: 'the-cycle',
  title: 'The loop is the trouble, not the person',
  body: [
    'When two people feel far apart, each protects themselves in their own way. One may reach harder: criticising, pushing for an answer, following to keep talking. The other may step back: going quiet, defending, leaving the room.',
    'Each move makes the other more likely, and soon both are caught in a loop neither wants. Sometimes both reach hard, or both step back. The loop turns the same way.',
    'Under the moves there is usually something tender, like a wish to matter or to feel safe. Naming the loop together makes it a shared problem you can face side by side.',
  ],
  tryThis: {
    text: 'Walk through the example of Noor and Eli before you map your own.',
    link: { kind: 'place', placeId: 'cycle-example' },
  },
  related: ['attachment', 'repair', 'co-regulation'],
  shownAt: ['cycle-map', 'cycle-example'],
};

const REPAIR: LearnCard = {
  id: 'repair',
  title: 'Coming back after a rupture',
  body: [
    'Every close relationship has moments when the connection snaps: a sharp word, a closed door, a message not sent. These ruptures are part of being close. What happens next matters most.',
    'Repair usually starts with each person settling on their own. Then you come back at a time you agree. One says what they felt and needed while the other listens, then you swap. Each says what they heard, and together you choose one small next step.',
    'Repair does not undo what happened. Over time, it teaches you both that closeness can outlast a hard moment.',
  ],
  tryThis: {
    text: 'When you next need it, start a repair. It begins with a few minutes on your own.',
    link: { kind: 'place', placeId: 'repair' },
  },
  related: ['the-cycle', 'self-regulation-first', 'window-of-tolerance'],
  shownAt: ['repair', 'cycle-map'],
};

const HYPER_INDEPENDENCE: LearnCard = {
  id: 'hyper-independence',
  title: 'Doing it all alone',
  body: [
    'Some people learned early that asking for help led nowhere, or cost too much. So they learned to handle everything themselves. It was a clever way to get through, and it may still feel like the safest way.',
    'It can also be lonely and tiring. It can look like saying no to help even when swamped, holding feelings close to the chest, or relaxing more easily alone than with others.',
    'Moving away from it is not about leaning on others for everything. It is about standing on your own feet and letting others carry some of the load with you. Small, safe steps are enough.',
  ],
  tryThis: {
    text: 'Pick one small experiment for this week, like asking for help with something minor.',
    link: { kind: 'place', placeId: 'reflection-hyper-independence' },
  },
  related: ['attachment', 'co-regulation', 'self-regulation-first'],
  shownAt: ['reflection-hyper-independence'],
};

/** Every card by id. */
export const LEARN_CARDS: Readonly<Record<LearnCardId, LearnCard>> = {
  'nervous-system-states': NERVOUS_SYSTEM_STATES,
  'window-of-tolerance': WINDOW_OF_TOLERANCE,
  'self-regulation-first': SELF_REGULATION_FIRST,
  'co-regulation': CO_REGULATION,
  attachment: ATTACHMENT,
  'the-cycle': THE_CYCLE,
  repair: REPAIR,
  'hyper-independence': HYPER_INDEPENDENCE,
};
