/* Default detection thresholds (SPEC §2); the database's settings override them. */
#include "alliance/course.h"

void al_settings_default(struct al_settings *s)
{
	*s = (struct al_settings){
		.cutoff = 80,
		.drop = 20,
		.dip_amber_sd = 1.5,
		.dip_red_sd = 2.0,
		.sd_floor = 1.0,
		.ewma_lambda = 0.2,
		.ewma_limit = 3.0,
		.repair_window = 3,
		.repair_tolerance = 5,
		.discrepancy = 20,
		.idle_lock_min = 5,
	};
}
