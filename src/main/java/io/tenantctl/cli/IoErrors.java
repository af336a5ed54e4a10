package io.tenantctl.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A file error as one line a user can act on. Java's file exceptions carry only the path as their
 * message ({@code /missing/dir/plan.json}), the reason being in the exception's type.
 */
final class IoErrors {

    private IoErrors() {}

    static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String reason;
            if (fs instanceof NoSuchFileException) {
                reason = "no such file or directory";
            } else if (fs instanceof AccessDeniedException) {
                reason = "permission denied";
            } else if (fs instanceof FileAlreadyExistsException) {
                reason = fs.getReason() == null ? "already exists" : fs.getReason();
            } else if (fs instanceof NotDirectoryException) {
                reason = "not a directory";
            } else if (fs instanceof DirectoryNotEmptyException) {
                reason = "directory not empty";
            } else {
                // the operating system's words ("Not a directory"), in the case of the rest of the line
                reason = fs.getReason() == null
                        ? fs.getClass().getSimpleName()
                        : Character.toLowerCase(fs.getReason().charAt(0))
                                + fs.getReason().substring(1);
            }
            String other = fs.getOtherFile() == null ? "" : " (and " + fs.getOtherFile() + ")";
            return fs.getFile() + other + ": " + reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
