/* The check-in questions as the client reads them (SPEC §1). */
#include <stddef.h>

#include "alliance/core/checkin_words.h"

const struct checkin_question checkin_questions[CHECKIN_QUESTIONS] = {
    [CHECKIN_Q_TENSION] = {"tension",
                           "Was there any tension, misunderstanding or disagreement between us "
                           "today?",
                           "0 none", "4 a lot"},
    [CHECKIN_Q_TALKED] = {"talked", "How well did we talk it through?", "0 not at all",
                          "4 completely"},
    [CHECKIN_Q_MISUNDERSTOOD] = {"misunderstood",
                                 "Did anything about who you are (your background, culture or "
                                 "identity) feel misunderstood today?",
                                 "no", NULL},
};
