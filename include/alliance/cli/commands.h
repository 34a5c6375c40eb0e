/* The command groups of the command line (SPEC §3), one file each in src/cli/. */
#ifndef ALLIANCE_COMMANDS_H
#define ALLIANCE_COMMANDS_H

#include "alliance/cli/cli.h"

enum al_status cmd_init(struct cli *c, int argc, char **argv);
enum al_status cmd_demo(struct cli *c, int argc, char **argv);
enum al_status cmd_user(struct cli *c, int argc, char **argv);
enum al_status cmd_client(struct cli *c, int argc, char **argv);
enum al_status cmd_session(struct cli *c, int argc, char **argv);
enum al_status cmd_flags(struct cli *c, int argc, char **argv);
enum al_status cmd_report(struct cli *c, int argc, char **argv);
enum al_status cmd_chart(struct cli *c, int argc, char **argv);
enum al_status cmd_caseload(struct cli *c, int argc, char **argv);
enum al_status cmd_export(struct cli *c, int argc, char **argv);
enum al_status cmd_import(struct cli *c, int argc, char **argv);
enum al_status cmd_dimension(struct cli *c, int argc, char **argv);
enum al_status cmd_config(struct cli *c, int argc, char **argv);
enum al_status cmd_backup(struct cli *c, int argc, char **argv);
enum al_status cmd_check(struct cli *c, int argc, char **argv);
enum al_status cmd_audit(struct cli *c, int argc, char **argv);
enum al_status cmd_board(struct cli *c, int argc, char **argv);
enum al_status cmd_ack(struct cli *c, int argc, char **argv);
enum al_status cmd_repair(struct cli *c, int argc, char **argv);
enum al_status cmd_repairs(struct cli *c, int argc, char **argv);
enum al_status cmd_development(struct cli *c, int argc, char **argv);
enum al_status cmd_episodes(struct cli *c, int argc, char **argv);

#endif
