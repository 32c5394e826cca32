package com.posterincust.production;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy a test controls, between the service and its database: it forwards, or it cuts — the open connections
 * are broken and new ones are accepted but never answered, as when the database's network goes away — or it hangs:
 * every connection stays open and nothing is passed on, as when the database stops answering.
 */
final class ControlledProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;
    private boolean hung;

    ControlledProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread accepting = new Thread(this::accept, "proxy-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void cut() {
        cut = true;
        open.forEach(ControlledProxy::closeQuietly);
        open.clear();
    }

    void restore() {
        cut = false;
        synchronized (this) {
            hung = false;
            notifyAll();
        }
    }

    /** The database hangs: connections stay open, nothing they send is passed on until {@link #restore}. */
    synchronized void hang() {
        hung = true;
    }

    private synchronized void passWhenNotHung() throws InterruptedException {
        while (hung) {
            wait();
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        cut();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                if (cut) {
                    daemon(() -> discard(client));
                    continue;
                }
                Socket database = new Socket(targetHost, targetPort);
                open.add(database);
                daemon(() -> pipe(client, database));
                daemon(() -> pipe(database, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] chunk = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(chunk)) >= 0) {
                passWhenNotHung();
                out.write(chunk, 0, read);
                out.flush();
            }
        } catch (IOException broken) {
            closeQuietly(from);
            closeQuietly(to);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static void discard(Socket client) {
        try (InputStream in = client.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException broken) {
            closeQuietly(client);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already gone
        }
    }
}
