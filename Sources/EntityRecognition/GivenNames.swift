/// Given names that news in the recognizer's languages often writes before a surname, in their
/// usual spellings.
///
/// A large place list has a place for many of them (Michael, Robert and David in the United
/// States, Jean and Pierre in France, Jan in Poland), so a person's first name would otherwise
/// be read as a place: a word of this list directly followed by a capitalised word on its line
/// (Michael Jackson, Jean Dupont) is no one-word place or organization (see
/// ``DocumentResolver/resolve(_:)``). Alone (*in Jan*, *David's*), it is left to the lists.
enum GivenNames {
    /// Whether a token is one of the names, by its key hash (see ``Token/keyHash``): no string
    /// is hashed for the look-up, which every one-word match makes.
    static func contains(_ token: Token) -> Bool { hashes.contains(token.keyHash) }

    private static let hashes = Tokenizer.keyHashes(of: written.split(whereSeparator: \.isWhitespace))

    private static let written = """
        Aaron Abraham Adam Adolf Adrian Agnes Alain Alan Albert Alberto Albrecht Alejandro Aleksander \
        Aleksandr Aleksandra Alessandro Alex Alexander Alexandre Alexandra Alexis Alfons Alfonso Alfred Alfredo \
        Alice Alicia Alois Amanda Amy Ana Anders Andrea Andreas Andrei Andrej Andrés André Andrew Andrzej Andy \
        Angela Angelo Anita Anja Ann Anna Anne Annie Anthony Antoine Anton Antonio António Antonín Arnold Arthur \
        Artur August Augusto Barbara Bart Bartosz Bashar Beata Ben Benedikt Benjamin Bernard Bernardo Bernd \
        Bernhard Betty Bill Billy Bob Bogdan Boris Brian Bruce Bruno Carl Carla Carlo Carlos Carmen Caroline \
        Catherine Cecilia Charles Charlie Chris Christian Christine Christoph Christopher Claire Clara Claude \
        Claudia Claudio Colin Cristina Cristian Daniel Daniela Daniele Dariusz Dave David Dennis Denis Diana \
        Diego Dieter Dmitri Dmitrij Dmitry Dominik Donald Dorothy Doug Douglas Eddie Edgar Edmund Eduard \
        Eduardo Edward Elena Elisabeth Elizabeth Ellen Emil Emily Emma Emmanuel Enrico Enrique Eric Erich Erik \
        Ernst Esteban Eugen Eugene Eva Ewa Fabian Federico Felipe Felix Fernando Filip Filippo Florian Francesco \
        Francis Francisco Franco Frank Franz François Fred Frederick Friedrich Gabriel Gabriele Gary Georg George \
        Georges Gerald Gerard Gerhard Giacomo Gianni Gilbert Giorgio Giovanni Giulia Giuseppe Gordon Grace \
        Graham Greg Gregor Gregory Grzegorz Guillaume Günter Günther Gustav Hans Harald Harry Heinrich Heinz \
        Helen Helena Helmut Henri Henrik Henry Herbert Hermann Hugo Hugh Ian Igor Ilja Ingrid Irena Isabel \
        Isabelle Ivan Jack Jacek Jacob Jacques Jakub James Jan Jane Janet Janusz Jaroslav Jarosław Jason Javier \
        Jean Jeff Jennifer Jens Jerzy Jessica Jim Jimmy Joachim Joan Joe Johan Johann Johannes John Jonathan \
        Jordi Jorge José Josef Joseph Josep Józef Juan Judith Julia Julian Julie Julien Julio Julius Jurij Jürgen \
        Karel Karin Karl Karol Katarzyna Kate Katharina Kathleen Keith Ken Kenneth Kevin Kim Klaus Krzysztof Kurt \
        Lars Laura Laurent Leo Leon Leonardo Leopold Lisa Lorenzo Louis Louise Luca Lucas Lucia Ludwig Luigi \
        Luis Luís Lukas Łukasz Luke Manfred Manuel Marc Marcel Marco Marcus Margaret Maria Mariano Marie Mario \
        Marion Mark Marko Markus Marta Martin Martina Mary Massimo Mateusz Mathieu Matteo Matthew Matthias \
        Maurice Max Maximilian Michael Michał Michel Michele Miguel Mikhail Mikołaj Miroslav Mohamed \
        Mohammed Monika Nancy Natalia Nicholas Nick Nicola Nicolas Niels Nikolai Nikolaj Nikolaus Norbert Olaf \
        Oleg Oliver Olivier Oscar Oskar Otto Pablo Paolo Pascal Patricia Patrick Paul Paula Paulo Pavel Pedro \
        Peter Petr Petra Philip Philipp Philippe Pierre Piotr Pietro Rafael Rafał Ralf Ralph Ramón Raúl Raymond \
        Reinhard Renata René Ricardo Riccardo Richard Rick Rob Robert Roberto Rodrigo Roger Roland Rolf Roman \
        Ronald Rosa Rudolf Ryan Sabine Sam Samuel Sandra Sara Sarah Sebastian Sebastián Serge Sergei Sergej \
        Sergey Sergio Simon Simone Sophie Stanisław Stefan Stefano Steffen Stephan Stephen Steve Steven \
        Susan Sven Sylvain Tadeusz Thomas Tim Timothy Tobias Tom Tomás Tomasz Tommaso Tony Ulrich Ursula Valentin \
        Valerie Victor Vincent Vincenzo Viktor Vladimir Walter Werner Wilhelm William Willy Witold Wojciech \
        Wolfgang Xavier Yves Zbigniew Zdeněk Александр Алексей Андрей Борис Владимир Дмитрий Евгений Иван \
        Игорь Михаил Николай Олег Павел Пётр Сергей Юрий
        """
}
