/* Reading a note from a file for the command line (--note-file F). */
#ifndef ALLIANCE_CLI_NOTE_H
#define ALLIANCE_CLI_NOTE_H

#include <stddef.h>

#include "alliance/cli/cli.h"

/* Reads the note file path ("-": standard input) into buf (max + 1 bytes):
 * UTF-8 text of at most max bytes, CRLF line ends read as plain newlines,
 * final newlines dropped, not empty. Errors name the option ("--note-file")
 * and the file, never the text. */
enum al_status cli_note_read(struct cli *c, const char *opt, const char *path, char *buf,
                             size_t max);

#endif
