/* The client's words in client mode and the entry form (SPEC §1): the
 * check-in questions with their anchors, the comment's question and the
 * scale's ends. Our own wording, not a validated instrument. */
#ifndef ALLIANCE_CHECKIN_WORDS_H
#define ALLIANCE_CHECKIN_WORDS_H

struct checkin_question {
	const char *key;  /* as in session add: tension, talked, misunderstood */
	const char *text; /* the question as the client reads it */
	const char *low;  /* what the lowest answer means ("none") */
	const char *high; /* and the highest ("a lot"); NULL for yes/no */
};

enum { CHECKIN_Q_TENSION, CHECKIN_Q_TALKED, CHECKIN_Q_MISUNDERSTOOD, CHECKIN_QUESTIONS };
extern const struct checkin_question checkin_questions[CHECKIN_QUESTIONS];

#define CHECKIN_COMMENT_QUESTION "What should be different next time?"
#define CHECKIN_RATING_LOW "0 not at all"
#define CHECKIN_RATING_HIGH "10 completely"
#define CHECKIN_NOT_VALIDATED "These questions are our own wording, not a validated questionnaire."

#endif
