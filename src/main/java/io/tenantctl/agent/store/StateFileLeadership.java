package io.tenantctl.agent.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One agent per SQLite state: an operating-system lock on a file beside the state
 * ({@code state.db.agent}), which the kernel drops when the process dies however it dies. The file
 * holds who leads, so that a second agent is refused with the holder's name. Every source of the
 * state is led by the one agent that holds it.
 */
final class StateFileLeadership implements Leadership {

    private final FileChannel channel;
    private final FileLock lock;

    private StateFileLeadership(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StateFileLeadership acquire(Path file, String me) {
        FileChannel channel = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very process leads it already (tests run two agents in one JVM)
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new AgentLockedException("another agent leads the state beside " + file + ": "
                        + (holder.isEmpty() ? "an agent that has not said who it is" : holder)
                        + "; a SQLite state has one agent (share a PostgreSQL state to run several)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new StateFileLeadership(channel, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    @Override
    public boolean tryLead(String source) {
        return lock.isValid();
    }

    @Override
    public boolean leads(String source) {
        return lock.isValid();
    }

    @Override
    public void release(String source) {
        // the whole state is led by this agent until it closes
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // the kernel drops the lock when the process ends anyway
        }
    }
}
