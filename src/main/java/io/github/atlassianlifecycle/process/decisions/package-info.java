/**
 * What people decide in the user tasks: the approval tasks' listener (four eyes), the batch approval's, the resolve
 * task's, the task seal that lets a completion set only its own fields, the reminder on a waiting approval, and the
 * approvals and resolutions as the steps read them. Uses {@code engine}, {@code seal} and {@code variables}.
 */
package io.github.atlassianlifecycle.process.decisions;
