/* A session's blank state: what "nothing recorded yet" is in struct al_session. */
#include "alliance/core/course.h"

void al_session_clear(struct al_session *s)
{
	*s = (struct al_session){.attendance = AL_ATTENDED};
	for (int r = 0; r < AL_RATER_COUNT; r++)
		for (int d = 0; d < AL_DIM_MAX; d++)
			s->rating[r][d] = AL_MISSING;
	s->tension = s->talked = s->misunderstood = AL_NO_ANSWER;
}
