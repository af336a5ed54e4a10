package io.tenantctl.cli;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a question is asked and answered ({@code apply}'s "yes", {@code force-unlock}'s
 * confirmation). For the real process that is the controlling terminal, {@code /dev/tty}, as
 * Terraform and ssh do: the question is seen and answered even when standard output goes to a
 * file or a pipe ({@code apply -f m | tee log}) and standard input is the manifests ({@code -f -}).
 * A process without one (a CI job) cannot be asked.
 */
public interface Terminal {

    /** True when there is someone to ask. */
    boolean available();

    /**
     * Asks the question and returns the line answered, or empty when nothing could be read.
     *
     * @param out the command's standard output, for a terminal that is standard input and output
     */
    Optional<String> ask(String question, PrintWriter out);

    /** No terminal: nothing can be asked. */
    static Terminal none() {
        return new Terminal() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public Optional<String> ask(String question, PrintWriter out) {
                return Optional.empty();
            }
        };
    }

    /**
     * Standard input and output as the terminal: the question goes to the command's output and the
     * answer is read from {@code stdin} (what in-process runs and tests pretend).
     */
    static Terminal standardStreams(Supplier<InputStream> stdin) {
        return new Terminal() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public Optional<String> ask(String question, PrintWriter out) {
                out.print(question);
                out.flush();
                try {
                    BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stdin.get(), StandardCharsets.UTF_8));
                    return Optional.ofNullable(reader.readLine());
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        };
    }

    /** The process's controlling terminal, when it has one. */
    static Terminal controlling() {
        Path tty = Path.of("/dev/tty");
        return new Terminal() {
            @Override
            public boolean available() {
                // Opening it is the only reliable test: the file exists even for a process without one.
                try (RandomAccessFile file = new RandomAccessFile(tty.toFile(), "rw")) {
                    return true;
                } catch (IOException | SecurityException e) {
                    return false;
                }
            }

            @Override
            public Optional<String> ask(String question, PrintWriter out) {
                out.flush();
                if (!Files.exists(tty)) {
                    return Optional.empty();
                }
                try (FileOutputStream write = new FileOutputStream(tty.toFile());
                        FileInputStream read = new FileInputStream(tty.toFile())) {
                    PrintWriter prompt = new PrintWriter(new OutputStreamWriter(write, StandardCharsets.UTF_8));
                    prompt.print(question);
                    prompt.flush();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(read, StandardCharsets.UTF_8));
                    return Optional.ofNullable(reader.readLine());
                } catch (IOException | SecurityException e) {
                    return Optional.empty();
                }
            }
        };
    }
}
